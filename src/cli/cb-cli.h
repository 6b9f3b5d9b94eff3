/* cb-cli.h: the commands of coursebridge-cli that live in their own files
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int cb_cli_command_bench (int    argc,
                          char **argv);

G_END_DECLS
