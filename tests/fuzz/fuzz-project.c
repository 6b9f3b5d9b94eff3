/* fuzz-project.c: loading, validating and saving a project
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any input: cb_project_load_from_data() refuses it with a CB_PROJECT_ERROR
 * (located, for invalid JSON) or loads it. A loaded project validates, every
 * problem has a code, a path and a message, and it serialises to bytes that
 * load again, serialise to the same bytes and validate to the same problems
 * (the lossless round trip of format.md). Anything else aborts.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "coursebridge-core.h"
#include "fuzz.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A critical or warning from the core is a bug, whatever the input. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

/* "severity code path" lines, one per problem, for comparing two runs. */
static char *
describe_problems (GListModel *problems)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr (CbProblem) problem = g_list_model_get_item (problems, i);
      const char *code = cb_problem_get_code (problem);
      const char *path = cb_problem_get_path (problem);
      const char *message = cb_problem_get_message (problem);

      if (code == NULL || *code == '\0' || path == NULL || message == NULL || *message == '\0' ||
          !g_utf8_validate (message, -1, NULL))
        {
          fprintf (stderr, "problem %u lacks a code, path or message (code %s, path %s)\n",
                   i, code ? code : "(null)", path ? path : "(null)");
          abort ();
        }
      g_string_append_printf (out, "%s %s %s\n",
                              cb_severity_to_string (cb_problem_get_severity (problem)), code, path);
    }
  return g_string_free (out, FALSE);
}

static void
check_error (const GError *error)
{
  if (error == NULL || error->domain != CB_PROJECT_ERROR || error->message == NULL ||
      !g_utf8_validate (error->message, -1, NULL))
    {
      fprintf (stderr, "cb_project_load_from_data failed without a proper CB_PROJECT_ERROR: %s\n",
               error ? error->message : "(no error)");
      abort ();
    }
  if (error->code == CB_PROJECT_ERROR_INVALID_JSON &&
      (cb_project_error_get_line (error) < 1 || cb_project_error_get_column (error) < 1))
    {
      fprintf (stderr, "invalid JSON reported without a place: %s\n", error->message);
      abort ();
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* Newer files load read-only: that exercises the model on them too. */
  const CbLoadFlags flags = CB_LOAD_ALLOW_NEWER;
  g_autoptr (CbProject) project = NULL;
  g_autoptr (CbProject) reloaded = NULL;
  g_autoptr (GListStore) problems = NULL;
  g_autoptr (GListStore) problems_again = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GBytes) bytes_again = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *described = NULL;
  g_autofree char *described_again = NULL;
  const char *text;
  gsize length;

  project = cb_project_load_from_data ((const char *) data, size, flags, &error);
  if (project == NULL)
    {
      check_error (error);
      return 0;
    }

  problems = cb_validate (project);
  described = describe_problems (G_LIST_MODEL (problems));

  bytes = cb_project_serialize (project);
  text = g_bytes_get_data (bytes, &length);
  if (length == 0 || text[length - 1] != '\n' || !g_utf8_validate (text, (gssize) length, NULL))
    {
      fprintf (stderr, "the serialised project is empty, not UTF-8 or lacks its final newline\n");
      abort ();
    }

  reloaded = cb_project_load_from_data (text, length, flags, &error);
  if (reloaded == NULL)
    {
      fprintf (stderr, "the serialised project does not load again: %s\n---\n%.*s\n",
               error->message, (int) length, text);
      abort ();
    }
  bytes_again = cb_project_serialize (reloaded);
  if (!g_bytes_equal (bytes, bytes_again))
    {
      fprintf (stderr, "serialising the reloaded project gives different bytes:\n%.*s\n---\n%.*s\n",
               (int) length, text,
               (int) g_bytes_get_size (bytes_again), (const char *) g_bytes_get_data (bytes_again, NULL));
      abort ();
    }

  problems_again = cb_validate (reloaded);
  described_again = describe_problems (G_LIST_MODEL (problems_again));
  if (strcmp (described, described_again) != 0)
    {
      fprintf (stderr, "the reloaded project validates differently:\n%s---\n%s---\n%.*s\n",
               described, described_again, (int) length, text);
      abort ();
    }
  return 0;
}
