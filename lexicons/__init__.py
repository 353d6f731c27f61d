"""Data files (TOML and jieba dictionaries) shipped as ``narrative.lexicons``.

Editing these files is how the tool learns a new synonym, subject name or
template phrase: no code change is needed.
"""
