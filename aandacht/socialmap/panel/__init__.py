"""The social map inside the contact form: search, referrals, crisis services."""
