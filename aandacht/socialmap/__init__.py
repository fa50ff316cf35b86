"""The social map: an HSDS-shaped directory of help, search, referrals, call-backs."""
