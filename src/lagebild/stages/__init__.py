"""Built-in stages. Importing a module registers its stage (see ``lagebild.pipeline.stage``)."""

from . import clean, language, published, segment  # noqa: F401
from . import quotes  # noqa: F401
from . import opinion  # noqa: F401
from . import events  # noqa: F401
from . import entities  # noqa: F401
from . import time  # noqa: F401
