#!/usr/bin/python3
# Copyright 2026 The Coursebridge authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that every language in po/LINGUAS is complete.

Extracts a fresh template from po/POTFILES.in with xgettext, merges each
po/LL.po with it into a temporary file and fails when msgfmt --check finds an
error or reports any fuzzy or untranslated message.

Usage: check-translations.py SOURCE_ROOT
"""

import os
import re
import subprocess
import sys
import tempfile

# The keywords of meson's 'glib' gettext preset.
XGETTEXT_ARGS = [
    '--from-code=UTF-8',
    '--add-comments=Translators',
    '--keyword=_',
    '--keyword=N_',
    '--keyword=C_:1c,2',
    '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2',
    '--keyword=g_dngettext:2,3',
    '--keyword=g_dpgettext2:2c,3',
    '--keyword=ngettext:1,2',
    '--flag=N_:1:pass-c-format',
    '--flag=C_:2:pass-c-format',
    '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format',
    '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format',
    '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format',
    '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format',
    '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format',
    '--flag=g_printerr:1:c-format',
    '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format',
    '--flag=g_sprintf:2:c-format',
    '--flag=g_snprintf:3:c-format',
]

STATISTICS = re.compile(r'(\d+) (translated|fuzzy|untranslated)')


def run(args, **kwargs):
    result = subprocess.run(args, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        sys.stdout.write(result.stdout)
        sys.stdout.write(result.stderr)
        raise SystemExit(f'{args[0]} failed with status {result.returncode}')
    return result


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    srcroot = os.path.abspath(sys.argv[1])
    podir = os.path.join(srcroot, 'po')
    with open(os.path.join(podir, 'LINGUAS'), encoding='utf-8') as f:
        languages = [w for line in f if not line.startswith('#') for w in line.split()]

    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'coursebridge.pot')
        run(['xgettext', *XGETTEXT_ARGS,
             '--package-name=coursebridge',
             '--directory', srcroot,
             '--files-from', os.path.join(podir, 'POTFILES.in'),
             '--output', pot])

        for lang in languages:
            merged = os.path.join(tmp, lang + '.po')
            run(['msgmerge', '--quiet', '--output-file', merged,
                 os.path.join(podir, lang + '.po'), pot])
            stats = run(['msgfmt', '--check', '--statistics', '--output-file', os.devnull,
                         merged], env={**os.environ, 'LC_ALL': 'C'}).stderr.strip()
            counts = {kind: int(n) for n, kind in STATISTICS.findall(stats)}
            print(f'{lang}: {stats}')
            if counts.get('fuzzy', 0) or counts.get('untranslated', 0):
                failed = True
                # Name the messages that need work, so the failure is actionable.
                todo = run(['msgattrib', '--only-fuzzy', '--no-obsolete', '--no-wrap',
                            merged]).stdout
                todo += '\n\n' + run(['msgattrib', '--untranslated', '--no-obsolete',
                                      '--no-wrap', merged]).stdout
                for entry in todo.split('\n\n'):
                    lines = entry.strip().splitlines()
                    # The header entry has no location: skip it.
                    if not any(line.startswith('#:') for line in lines):
                        continue
                    for line in lines:
                        if line.startswith(('#:', 'msgid', 'msgctxt', '#,')):
                            print('  ' + line)

    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
