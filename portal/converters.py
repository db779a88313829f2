"""Path converters: SDG codes, so /sdg/16/ is a goal and /sdg/16.3/ a target; UN document symbols."""

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


class SymbolConverter(GoalCodeConverter):
    """A UN document symbol: the rest of the path, slashes included (A/CONF.234/5), but never a NUL
    byte, which no symbol holds and PostgreSQL refuses in a query (a 404, not a server error)."""

    regex = r"[^\x00]+"


register_converter(GoalCodeConverter, "goal")
register_converter(TargetCodeConverter, "target")
register_converter(SymbolConverter, "symbol")
