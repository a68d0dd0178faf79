"""``storyweave models``: load the language models once and say where they come from."""

from __future__ import annotations

import time

import typer


def models() -> None:
    """Load every model (building the faster embedding copy on first use) and list their files."""
    from storyweave import settings
    from storyweave.nlp.embedder import default_model_files
    from storyweave.nlp.loader import SPACY_MODEL, load_models
    from storyweave.nlp.optimize import RECIPE

    started = time.perf_counter()
    loaded = load_models()
    seconds = time.perf_counter() - started
    model_path, tokenizer_path = default_model_files()
    version = loaded.nlp.meta.get("version", "?")
    pipes = ", ".join(loaded.nlp.pipe_names)
    typer.echo(f"spaCy       {SPACY_MODEL} {version} (pipes: {pipes})")
    typer.echo(f"embeddings  {model_path}")
    running = loaded.embedder.model_path
    if running == model_path:
        typer.echo(
            "  runs      the shipped model as is (no faster copy: STORYWEAVE_OPTIMIZE_EMBEDDINGS=0, or it failed)"
        )
    else:
        typer.echo(f"  runs      {running} (faster copy: {RECIPE})")
    typer.echo(f"tokenizer   {tokenizer_path}")
    typer.echo(f"model cache {settings.home() / 'models'}")
    typer.echo(f"loaded in   {seconds:.2f} s")
