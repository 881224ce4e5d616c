"""The transforms, one module per code (``dslNNN_slug.py``).

Installed as ``dslim_rewrite.transforms``; ``dslim_rewrite.registry`` finds
every module here, so adding a transform never means editing a list.
"""
