"""The further-training register: sessions, half-days owed and attended."""
