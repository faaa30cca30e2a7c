"""Views by area: general (home, language, organisation), log (Today, week), caseload, clients, referrals."""
