"""The kinds of programme and of tool or publication (their own module to keep models.py short)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProgrammeKind(models.TextChoices):
    GLOBAL_PROGRAMME = "global_programme", _("Global programme")
    JOINT_PROGRAMME = "joint_programme", _("Joint programme")
    INITIATIVE = "initiative", _("Initiative")
    PROJECT = "project", _("Project")
    CAMPAIGN = "campaign", _("Campaign")
    PARTNERSHIP = "partnership", _("Partnership or network")
    COORDINATION = "coordination", _("Coordination mechanism")
    PORTFOLIO = "portfolio", _("Portfolio of work")


class ResourceKind(models.TextChoices):
    HANDBOOK = "handbook", _("Handbook")
    MANUAL = "manual", _("Training manual")
    TOOLKIT = "toolkit", _("Toolkit")
    GUIDANCE = "guidance", _("Guidance")
    CHECKLIST = "checklist", _("Checklist")
    MODEL_LAW = "model_law", _("Model law")
    STUDY = "study", _("Study or report")
    COMPENDIUM = "compendium", _("Compendium")
    FRAMEWORK = "framework", _("Framework")
    ELEARNING = "elearning", _("E-learning course")
    TRAINING = "training", _("Training course")
    PUBLICATION = "publication", _("Publication")
