"""Rosters and capacity: the volunteer register, demand, Erlang A, the solver."""
