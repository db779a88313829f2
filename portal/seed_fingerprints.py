"""What `manage.py seed` last loaded into each record (a model of `portal`, kept in its own module)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SeedFingerprintQuerySet(models.QuerySet):
    def get_by_natural_key(self, model, record_key):
        return self.get(model=model, record_key=record_key)


class SeedFingerprint(models.Model):
    """What `manage.py seed` last loaded into one record, so it can tell a curator's edit from its own.

    `digests` maps each field the loader manages (tags included) to a short sha256 of its value,
    with related records named by their natural keys so a dump and reload keeps them valid.
    """

    model = models.CharField(_("model"), max_length=100, help_text=_('e.g. "standards.Instrument".'))
    record_key = models.TextField(
        _("natural key of the record"), help_text=_('JSON list, e.g. ["nelson-mandela-rules", "24"].')
    )
    digests = models.JSONField(_("field digests"), default=dict)
    loaded_at = models.DateTimeField(_("loaded"), default=timezone.now)

    objects = SeedFingerprintQuerySet.as_manager()

    class Meta:
        verbose_name = _("seed fingerprint")
        constraints = [
            models.UniqueConstraint(fields=["model", "record_key"], name="portal_seedfingerprint_key_unique"),
        ]

    def __str__(self):
        return f"{self.model} {self.record_key}"

    def natural_key(self):
        return (self.model, self.record_key)
