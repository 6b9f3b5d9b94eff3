/* main.c: the entry point of the coursebridge application
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cb-main"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "cb-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CbApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* An uninstalled build finds its translations through
   * COURSEBRIDGE_LOCALEDIR (build-aux/dev points it at build/po). */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("COURSEBRIDGE_LOCALEDIR") ? g_getenv ("COURSEBRIDGE_LOCALEDIR")
                                                                        : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = cb_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
