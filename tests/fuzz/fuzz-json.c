/* fuzz-json.c: the strict JSON reader and the canonical writer
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any input: cb_json_parse() either refuses it with a located, valid UTF-8
 * message, or returns a tree that the writer turns into text which parses
 * again to an equal tree and writes back to the same text. A copy of the
 * tree equals the tree. Anything else aborts.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "cb-json.h"
#include "fuzz.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A critical or warning from the reader is a bug, whatever the input. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

static void
check_error (gsize       size,
             guint       line,
             guint       column,
             const char *message)
{
  if (message == NULL || *message == '\0' || !g_utf8_validate (message, -1, NULL))
    {
      fprintf (stderr, "cb_json_parse failed without a valid message\n");
      abort ();
    }
  /* 1-based; the place can be one past the end ("the text ends here"). */
  if (line < 1 || column < 1 || line > size + 1 || column > size + 1)
    {
      fprintf (stderr, "cb_json_parse: error at line %u, column %u of a %" G_GSIZE_FORMAT
               "-byte input: %s\n", line, column, size, message);
      abort ();
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (CbJsonDoc) doc = NULL;
  g_autoptr (CbJsonDoc) again = NULL;
  g_autofree char *message = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  guint line = 0, column = 0;
  CbJson *root;
  CbJson *copy;

  doc = cb_json_parse ((const char *) data, size, &line, &column, &message);
  if (doc == NULL)
    {
      check_error (size, line, column, message);
      return 0;
    }

  root = cb_json_doc_get_root (doc);
  if (root == NULL)
    abort ();

  copy = cb_json_copy (root);
  if (!cb_json_equal (root, copy) || !cb_json_equal (copy, root))
    {
      fprintf (stderr, "cb_json_copy: the copy differs from the original\n");
      abort ();
    }
  cb_json_free (copy);

  text = cb_json_to_string (root);
  if (!g_utf8_validate (text, -1, NULL))
    {
      fprintf (stderr, "cb_json_to_string wrote invalid UTF-8\n");
      abort ();
    }

  g_clear_pointer (&message, g_free);
  again = cb_json_parse (text, strlen (text), &line, &column, &message);
  if (again == NULL)
    {
      fprintf (stderr, "the writer's output does not parse (line %u, column %u: %s):\n%s\n",
               line, column, message, text);
      abort ();
    }
  if (!cb_json_equal (root, cb_json_doc_get_root (again)))
    {
      fprintf (stderr, "the writer's output parses to a different tree:\n%s\n", text);
      abort ();
    }
  text_again = cb_json_to_string (cb_json_doc_get_root (again));
  if (strcmp (text, text_again) != 0)
    {
      fprintf (stderr, "writing is not idempotent:\n%s\n---\n%s\n", text, text_again);
      abort ();
    }
  return 0;
}
