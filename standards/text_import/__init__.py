"""Official text import: read a UN document (PDF, Word, plain text) and propose its provisions.

`extract` turns a file into lines with their typography, `parse` finds the structure, `diff`
compares a proposal with what is stored, and `services` writes it through the workflow.
"""
