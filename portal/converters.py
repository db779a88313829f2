"""Path converters for SDG codes, so /sdg/16/ is a goal and /sdg/16.3/ a target."""

from django.urls import register_converter


class GoalCodeConverter:
    regex = r"[0-9]{1,2}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return str(value)


class TargetCodeConverter(GoalCodeConverter):
    regex = r"[0-9]{1,2}\.(?:[0-9]{1,2}|[a-z])"


register_converter(GoalCodeConverter, "goal")
register_converter(TargetCodeConverter, "target")
