"""Planning a roster month: the problem, the solver's runs, editing, publishing."""
