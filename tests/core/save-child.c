/* save-child.c: a helper for test-kill: saves a project over and over
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: save-child SOURCE TARGET
 * Loads SOURCE, prints "ready", then saves it to TARGET in a loop until it
 * is killed (the test's point), its parent goes away or 20 s have passed.
 */

#include <stdio.h>
#include <unistd.h>

#include "cb-project.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GFile) source = NULL;
  g_autoptr (GFile) target = NULL;
  g_autoptr (CbProject) project = NULL;
  g_autoptr (GError) error = NULL;
  pid_t parent = getppid ();
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  if (argc != 3)
    {
      fprintf (stderr, "usage: %s SOURCE TARGET\n", argv[0]);
      return 2;
    }
  source = g_file_new_for_commandline_arg (argv[1]);
  target = g_file_new_for_commandline_arg (argv[2]);
  project = cb_project_load_from_file (source, CB_LOAD_NONE, NULL, &error);
  if (project == NULL)
    {
      fprintf (stderr, "save-child: %s\n", error->message);
      return 1;
    }

  fputs ("ready\n", stdout);
  fflush (stdout);

  while (getppid () == parent && g_get_monotonic_time () < deadline)
    if (!cb_project_save_to_file (project, target, CB_SAVE_OVERWRITE_CHANGED, NULL, &error))
      {
        fprintf (stderr, "save-child: %s\n", error->message);
        return 1;
      }
  return 0;
}
