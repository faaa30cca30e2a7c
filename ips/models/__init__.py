from ips.models.clients import Client
from ips.models.people import CONTENT_EDITORS_GROUP, Membership, Organisation, Roles, Team, User

__all__ = ["CONTENT_EDITORS_GROUP", "Client", "Membership", "Organisation", "Roles", "Team", "User"]
