"""Reading a diagram back in a test: every text it shows."""

from matplotlib.figure import Figure
from matplotlib.text import Text


def texts(figure: Figure) -> list[str]:
    """Every text on the figure: titles, labels inside boxes, labels beside arrows."""
    return [text.get_text() for text in figure.findobj(Text)]
