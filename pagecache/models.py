from django.db import models


class LostBump(models.Model):
    """A generation bump that could not reach the cache (a Redis outage). Kept until the
    cache answers again and the bump is made then (pagecache.generation.replay_lost_bumps),
    so no page cached before an outage outlives a change saved during it."""

    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"Bump lost at {self.created_at}"
