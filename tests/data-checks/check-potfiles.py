#!/usr/bin/python3
# Copyright 2026 The Coursebridge authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks po/POTFILES.in against the sources.

Fails when a file under src/ holds translatable strings (_(, N_(, C_(, NC_(,
ngettext, or translatable="yes" in a .ui file) but is not listed, when a listed
file does not exist, or when the list is not sorted or holds a name twice.

Usage: check-potfiles.py SOURCE_ROOT
"""

import os
import re
import sys

MARKERS = re.compile(
    r'(?<![A-Za-z0-9_])(?:N|C|NC|Q)?_\s*\(|'
    r'(?<![A-Za-z0-9_])(?:g_d?n|n)gettext\s*\(|'
    r'translatable="yes"'
)
EXTENSIONS = ('.c', '.h', '.ui')


def listed_files(potfiles):
    names = []
    with open(potfiles, encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith('#'):
                names.append(line)
    return names


def files_with_strings(srcroot):
    found = set()
    for dirpath, dirnames, filenames in os.walk(os.path.join(srcroot, 'src')):
        dirnames.sort()
        for name in filenames:
            if not name.endswith(EXTENSIONS):
                continue
            path = os.path.join(dirpath, name)
            with open(path, encoding='utf-8', errors='replace') as f:
                if MARKERS.search(f.read()):
                    found.add(os.path.relpath(path, srcroot))
    return found


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    srcroot = sys.argv[1]
    listed = listed_files(os.path.join(srcroot, 'po', 'POTFILES.in'))
    problems = []

    for name in listed:
        if not os.path.isfile(os.path.join(srcroot, name)):
            problems.append(f'{name}: listed in po/POTFILES.in but does not exist')
    for name in sorted(files_with_strings(srcroot) - set(listed)):
        problems.append(f'{name}: has translatable strings but is missing from po/POTFILES.in')
    if listed != sorted(listed):
        problems.append('po/POTFILES.in is not sorted')
    if len(listed) != len(set(listed)):
        problems.append('po/POTFILES.in lists a file twice')

    for problem in problems:
        print(problem)
    if problems:
        return 1
    print(f'po/POTFILES.in: {len(listed)} files, complete')
    return 0


if __name__ == '__main__':
    sys.exit(main())
