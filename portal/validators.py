"""Formats of the portal's identifiers: SDG codes and UN document symbols.

The same patterns route URLs (portal/converters.py) and validate what curators type.
"""

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

GOAL_CODE = r"[0-9]{1,2}"
TARGET_CODE = GOAL_CODE + r"\.(?:[0-9]{1,2}|[a-z])"
INDICATOR_CODE = TARGET_CODE + r"\.[0-9]{1,2}"
# e.g. A/CONF.234/5, E/CN.15/2022/9, A/RES/217(III), S/RES/2331 (2016)
UN_SYMBOL = r"[A-Z]+(?:/[A-Za-z0-9.()\-]+)+(?: \([0-9]{4}\))?"
# For a document without a UN symbol, e.g. GP-BROCHURE
LOCAL_IDENTIFIER = r"[A-Z0-9]+(?:-[A-Z0-9]+)*"


def whole(pattern: str, message: str) -> RegexValidator:
    return RegexValidator(rf"\A{pattern}\Z", message)


validate_goal_code = whole(GOAL_CODE, _("An SDG goal code is a number, e.g. “16”."))
validate_target_code = whole(
    TARGET_CODE, _("An SDG target code is a goal and a number or letter, e.g. “16.3” or “16.a”.")
)
validate_indicator_code = whole(INDICATOR_CODE, _("An SDG indicator code has three parts, e.g. “16.3.1”."))
validate_un_symbol = whole(
    UN_SYMBOL, _("A UN document symbol is a series of parts separated by “/”, e.g. “A/CONF.234/5” or “A/RES/70/175”.")
)
validate_local_identifier = whole(
    LOCAL_IDENTIFIER, _("A local identifier is capital letters and digits joined by hyphens, e.g. “GP-BROCHURE”.")
)
