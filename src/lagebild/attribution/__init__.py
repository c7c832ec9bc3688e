"""Speech attribution: cue lexicons, quotation finding and speaker/medium rules.

``extract`` works on tokens and sentence ranges; ``lagebild.stages.quotes`` maps its output to
``Quote`` records and resolves speakers to entities.
"""

from .extract import FORMS, Attribution, extract, find_quotes

__all__ = ["FORMS", "Attribution", "extract", "find_quotes"]
