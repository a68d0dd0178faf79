"""A worker process's share of the machine: one thread of numerical work each.

numpy's BLAS (OpenBLAS) starts a thread per core in every process, and its idle threads spin for a while before
they sleep. With one worker per core, each worker's spare BLAS threads take the core the other worker needs: the
100 ``multinews-dev`` briefs on two forked workers took 9.2 s with them and 5.6 s with one BLAS thread each (the
products a brief makes are small; a single thread does them as fast; ``make bench``'s brief stage went from 9.7 s
to 6.8 s). Every pool's workers call ``one_thread_each`` as they start, as does the child that computes grouping
features beside the grouper.
"""

from __future__ import annotations


def one_thread_each() -> None:
    """Cap this process's BLAS and OpenMP thread pools at one thread (the embedder sets its own threads)."""
    import numpy  # noqa: F401  (its BLAS must be loaded to be limited: a limit reaches only loaded libraries)
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1)
