"""Start the web app with the defaults (or REPORTQA_* settings): `python app.py`."""

from reportqa.api import run_server
from reportqa.config import get_settings

if __name__ == "__main__":
    run_server(get_settings())
