"""What the table generators share (scripts/*.py): a key of a TypeScript object literal, as they write it."""
import re


def quote(name):
    """`name` as a key of a TypeScript object literal: bare when it is an identifier, in single quotes otherwise."""
    return name if re.match(r'^[A-Za-z_$][\w$]*$', name) else "'" + name + "'"
