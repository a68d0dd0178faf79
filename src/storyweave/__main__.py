"""``python -m storyweave``, and the file spark-submit runs on a cluster (``.../storyweave/__main__.py run ...``)."""

from storyweave.cli import main

if __name__ == "__main__":
    main()
