"""Start the web app: `python app.py [--host H] [--port P] [--docs DIR] [--index DIR]`, the same flags as
`reportqa serve` (and REPORTQA_* settings); `python app.py --help` prints them."""

from reportqa.cli import serve

if __name__ == "__main__":
    serve(prog_name="python app.py")
