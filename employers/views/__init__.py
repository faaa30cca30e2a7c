"""Employer pages, contact and job records, and the fragments the ips pages include by URL."""
