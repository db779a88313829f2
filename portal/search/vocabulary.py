"""Synonyms and spelling variants: a query word also finds its curated equivalents, on both engines.

Groups are registered by the layer that owns their words: generic spelling variants here
(hyphenation, British and American spelling, the usual synonyms of the field), the common names
and acronyms of instruments in `standards/search.py`. Only equivalences that always hold belong
here; each group is symmetric. A term of several words is matched as a phrase.
"""

from collections import defaultdict

_equivalents: dict[str, set[str]] = defaultdict(set)


def register_synonyms(*groups: tuple[str, ...]) -> None:
    """Make every term of each group find the others ("pretrial" and "pre-trial")."""
    for group in groups:
        terms = {" ".join(term.lower().split()) for term in group}
        for term in terms:
            _equivalents[term] |= terms - {term}


def equivalents(word: str) -> list[str]:
    """The other terms of the word's groups, in a stable order ([] for most words)."""
    return sorted(_equivalents.get(word.lower(), ()))


register_synonyms(
    # Hyphenation.
    ("pre-trial", "pretrial"),
    ("re-offending", "reoffending", "recidivism"),
    ("re-offend", "reoffend"),
    ("non-custodial", "noncustodial"),
    ("cyber-crime", "cybercrime"),
    ("e-learning", "elearning"),
    # British and American spelling.
    ("offence", "offense"),
    ("offences", "offenses"),
    ("defence", "defense"),
    ("programme", "program"),
    ("programmes", "programs"),
    ("organisation", "organization"),
    ("organised", "organized"),
    ("behaviour", "behavior"),
    ("labour", "labor"),
    ("judgement", "judgment"),
    ("centre", "center"),
    ("favour", "favor"),
    ("criminalise", "criminalize"),
    ("criminalisation", "criminalization"),
    # Synonyms of the field.
    ("juvenile", "child"),
    ("juveniles", "children"),
    ("prison", "penitentiary"),
    ("prisons", "penitentiaries"),
)
