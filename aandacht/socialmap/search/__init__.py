"""Search over the social map: Dutch analysis, typos, synonyms, ranking."""
