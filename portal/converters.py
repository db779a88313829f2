"""Path converters for SDG codes, so /sdg/16/ is a goal and /sdg/16.3/ a target."""

from django.urls import register_converter

from portal.validators import GOAL_CODE, TARGET_CODE


class GoalCodeConverter:
    regex = GOAL_CODE

    def to_python(self, value):
        return value

    def to_url(self, value):
        return str(value)


class TargetCodeConverter(GoalCodeConverter):
    regex = TARGET_CODE


register_converter(GoalCodeConverter, "goal")
register_converter(TargetCodeConverter, "target")
