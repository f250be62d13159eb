"""Diagrams the chapters draw with matplotlib: what a layer computes, how data and gradients flow.

Drawing is not training: nothing else in naive_tf imports this package, so training needs no matplotlib.
"""
