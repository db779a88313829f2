"""The table of tallies (the logic is in portal.tallies; this module imports no other, like portal.versioning)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Tally(models.Model):
    key = models.CharField(_("key"), max_length=120, primary_key=True)
    number = models.PositiveIntegerField(_("number"))
    version = models.PositiveBigIntegerField(_("content version"))

    class Meta:
        verbose_name = _("tally")
        verbose_name_plural = _("tallies")

    def __str__(self):
        return f"{self.key} = {self.number} (v{self.version})"
