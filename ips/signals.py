"""Signals ips sends for the apps above it, which ips may not import.

Receivers run inside the sender's transaction: what they write commits or rolls back with the change itself.
"""

from django.dispatch import Signal

# Sent by ips.services.client_stage_change after the client's new stage is saved, with sender=Client and the
# keyword arguments client, stage (the new one), previous (the stage before), changed_on and by. Closing is a
# change to Stage.CLOSED; a closed client moved back to an open stage is reopened. The employers app cancels
# a closed client's open follow-along contacts here (employers.services.on_client_stage_changed).
client_stage_changed = Signal()
