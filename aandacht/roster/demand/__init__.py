"""Demand and capacity: the region's lines, expected arrivals per line slot
(from contact reports or telephony call logs), and the Erlang A screens.

The problem builder reads `selectors.lines_for_problem`,
`selectors.demand_entries` and `selectors.service_parameters`.
"""
