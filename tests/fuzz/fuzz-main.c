/* fuzz-main.c: runs fuzz targets over files, without libFuzzer
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: fuzz-TARGET FILE-OR-DIRECTORY…
 *
 * Feeds every file named (and every file under every directory named, in
 * sorted order) to LLVMFuzzerTestOneInput once, in a buffer of exactly its
 * size so that a sanitizer sees any read past the end. The normal test
 * suite uses it to run the targets over their corpus; a real fuzzing build
 * (-Dfuzzing=true with clang) links libFuzzer's main instead.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "fuzz.h"

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
collect (const char *path,
         GPtrArray  *files)
{
  g_autoptr (GPtrArray) names = NULL;
  GDir *dir;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (files, g_strdup (path));
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    {
      g_ptr_array_add (files, g_strdup (path));  /* reported when read */
      return;
    }
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_dir_close (dir);
  g_ptr_array_sort (names, compare_strings);
  for (guint i = 0; i < names->len; i++)
    collect (g_ptr_array_index (names, i), files);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  guint failures = 0;

  if (argc < 2)
    {
      fprintf (stderr, "Usage: %s FILE-OR-DIRECTORY…\n", argv[0]);
      return 2;
    }

  LLVMFuzzerInitialize (&argc, &argv);
  for (int i = 1; i < argc; i++)
    collect (argv[i], files);

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autoptr (GError) error = NULL;
      g_autofree char *contents = NULL;
      uint8_t *exact;
      gsize size;

      if (!g_file_get_contents (path, &contents, &size, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          failures++;
          continue;
        }
      /* Exactly @size bytes, no terminating NUL: as libFuzzer passes them. */
      exact = malloc (MAX (size, 1));
      memcpy (exact, contents, size);
      if (g_getenv ("FUZZ_VERBOSE"))
        fprintf (stderr, "%s (%" G_GSIZE_FORMAT " bytes)\n", path, size);
      LLVMFuzzerTestOneInput (exact, size);
      free (exact);
    }

  if (files->len == 0)
    {
      fprintf (stderr, "no inputs found\n");
      return 1;
    }
  printf ("%s: ran %u inputs\n", argv[0], files->len - failures);
  return failures > 0 ? 1 : 0;
}
