import uuid

from django.db import models
from django.utils import timezone


def new_event_id() -> str:
    return f"evt_{uuid.uuid4().hex}"


class Event(models.Model):
    """Something that happened, recorded in the same transaction as the change that caused it."""

    id = models.CharField(primary_key=True, max_length=40, default=new_event_id, editable=False)
    type = models.CharField(max_length=64, db_index=True)
    data = models.JSONField()
    actor_label = models.CharField(max_length=150, blank=True)  # Actor.label of who caused it
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.type} {self.id}"

    def payload(self) -> dict:
        """The body every subscriber receives."""
        return {"id": self.id, "type": self.type, "timestamp": self.created_at.isoformat(),
                "version": "1.0", "data": self.data}
