/* test-json.c: the strict JSON reader and the deterministic writer
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-json"

#include <math.h>

#include "test-util.h"

/* JSONTestSuite */

typedef void (*SuiteFunc) (const char *name,
                           const char *data,
                           gsize       length);

static guint
for_each_suite_file (const char *prefix,
                     SuiteFunc   func)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "jsontestsuite",
                                                "test_parsing", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) handle = g_dir_open (dir, 0, &error);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_autofree char *data = NULL;
      gsize length = 0;

      g_file_get_contents (path, &data, &length, &error);
      g_assert_no_error (error);
      func (g_ptr_array_index (names, i), data, length);
    }
  return names->len;
}

/* Members our format forbids on purpose although RFC 8259 allows them. */
static const char *
forbidden_on_purpose (const char *name)
{
  if (g_str_has_prefix (name, "y_object_duplicated_key"))
    return "twice";
  if (strcmp (name, "y_object_escaped_null_in_key.json") == 0 ||
      strcmp (name, "y_string_null_escape.json") == 0)
    return "NUL";
  return NULL;
}

static void
check_accepted (const char *name,
                const char *data,
                gsize       length)
{
  g_autofree char *message = NULL;
  guint line = 0, column = 0;
  const char *fragment = forbidden_on_purpose (name);
  g_autoptr (CbJsonDoc) doc = cb_json_parse (data, length, &line, &column, &message);

  if (fragment != NULL)
    {
      if (doc != NULL)
        g_test_fail_printf ("%s was accepted, but the format forbids it", name);
      else if (message == NULL || strstr (message, fragment) == NULL || line < 1 || column < 1)
        g_test_fail_printf ("%s: refused with “%s” at %u:%u, expected a message saying “%s”",
                            name, message, line, column, fragment);
      return;
    }
  if (doc == NULL)
    g_test_fail_printf ("%s was refused (%u:%u: %s)", name, line, column, message);
  else
    {
      /* What was accepted can be written and read again to the same tree. */
      g_autofree char *text = cb_json_to_string (cb_json_doc_get_root (doc));
      g_autoptr (CbJsonDoc) again = cb_json_parse (text, strlen (text), NULL, NULL, NULL);

      if (again == NULL || !cb_json_equal (cb_json_doc_get_root (doc), cb_json_doc_get_root (again)))
        g_test_fail_printf ("%s does not read back as written: %s", name, text);
    }
}

static void
test_suite_accept (void)
{
  g_assert_cmpuint (for_each_suite_file ("y_", check_accepted), ==, 95);
}

static void
check_refused (const char *name,
               const char *data,
               gsize       length)
{
  g_autofree char *message = NULL;
  guint line = 0, column = 0;
  g_autoptr (CbJsonDoc) doc = cb_json_parse (data, length, &line, &column, &message);

  if (doc != NULL)
    g_test_fail_printf ("%s was accepted", name);
  else if (line < 1 || column < 1 || message == NULL || *message == '\0')
    g_test_fail_printf ("%s: refused without a place or message (%u:%u “%s”)",
                        name, line, column, message);
}

static void
test_suite_refuse (void)
{
  g_assert_cmpuint (for_each_suite_file ("n_", check_refused), ==, 188);
}

static void
check_either (const char *name,
              const char *data,
              gsize       length)
{
  g_autofree char *message = NULL;
  guint line = 0, column = 0;
  g_autoptr (CbJsonDoc) doc = cb_json_parse (data, length, &line, &column, &message);

  if (doc == NULL && (line < 1 || column < 1 || message == NULL || *message == '\0'))
    g_test_fail_printf ("%s: refused without a place or message", name);
  if (doc != NULL)
    g_assert_nonnull (cb_json_doc_get_root (doc));
}

static void
test_suite_either (void)
{
  g_assert_cmpuint (for_each_suite_file ("i_", check_either), ==, 35);
}

static void
check_project_load (const char *name,
                    const char *data,
                    gsize       length)
{
  for (CbLoadFlags flags = CB_LOAD_NONE; flags <= CB_LOAD_ALLOW_NEWER; flags++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CbProject) project = cb_project_load_from_data (data, length, flags, &error);

      /* None of these files is a project. */
      if (project != NULL)
        g_test_fail_printf ("%s loaded as a project", name);
      else if (error == NULL || error->domain != CB_PROJECT_ERROR)
        g_test_fail_printf ("%s: the error is not a CB_PROJECT_ERROR", name);
      else if (error->code == CB_PROJECT_ERROR_INVALID_JSON &&
               (cb_project_error_get_line (error) < 1 || cb_project_error_get_column (error) < 1))
        g_test_fail_printf ("%s: invalid JSON without a place", name);
      else if (error->code != CB_PROJECT_ERROR_INVALID_JSON &&
               error->code != CB_PROJECT_ERROR_NOT_A_PROJECT)
        g_test_fail_printf ("%s: unexpected error code %d", name, error->code);
    }
}

static void
test_suite_project_load (void)
{
  g_assert_cmpuint (for_each_suite_file ("", check_project_load), ==, 318);
}

/* Nesting */

static void
assert_too_deep (const char *data,
                 gsize       length)
{
  g_autofree char *message = NULL;
  g_autoptr (GError) error = NULL;
  guint line = 0, column = 0;
  g_autoptr (CbJsonDoc) doc = cb_json_parse (data, length, &line, &column, &message);
  g_autoptr (CbProject) project = NULL;

  g_assert_null (doc);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "nesting too deep"));
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpuint (column, >=, 1);

  project = cb_project_load_from_data (data, length, CB_LOAD_NONE, &error);
  g_assert_null (project);
  g_assert_error (error, CB_PROJECT_ERROR, CB_PROJECT_ERROR_INVALID_JSON);
  g_assert_nonnull (strstr (error->message, "nesting too deep"));
}

static void
test_deep_nesting (void)
{
  const char *files[] = { "n_structure_100000_opening_arrays.json", "n_structure_open_array_object.json" };
  gsize n = 1000000;
  g_autofree char *deep = g_malloc (n);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "jsontestsuite",
                                                     "test_parsing", files[i], NULL);
      g_autofree char *data = NULL;
      gsize length;

      data = test_read_file (path, &length);
      assert_too_deep (data, length);
    }

  memset (deep, '[', n);
  assert_too_deep (deep, n);

  /* Objects inside an object's member, a million deep, unclosed. */
  {
    GString *objects = g_string_new ("{\"format\": \"coursebridge-project\", \"x\": ");

    for (guint i = 0; i < 100000; i++)
      g_string_append (objects, "{\"a\":");
    assert_too_deep (objects->str, objects->len);
    g_string_free (objects, TRUE);
  }
}

static void
test_depth_limit (void)
{
  for (guint depth = CB_JSON_MAX_DEPTH - 1; depth <= CB_JSON_MAX_DEPTH + 1; depth++)
    {
      GString *text = g_string_new (NULL);
      g_autofree char *message = NULL;
      g_autoptr (CbJsonDoc) doc = NULL;

      for (guint i = 0; i < depth; i++)
        g_string_append_c (text, '[');
      for (guint i = 0; i < depth; i++)
        g_string_append_c (text, ']');
      doc = cb_json_parse (text->str, text->len, NULL, NULL, &message);
      if (depth <= CB_JSON_MAX_DEPTH)
        g_assert_nonnull (doc);
      else
        {
          g_assert_null (doc);
          g_assert_nonnull (strstr (message, "nesting too deep"));
        }
      g_string_free (text, TRUE);
    }
}

/* An unknown member nested as deep as the reader allows is kept. */
static void
test_deep_unknown_member (void)
{
  g_autofree char *original = test_example_text ("robotics-en.coursebridge");

  for (guint depth = CB_JSON_MAX_DEPTH - 1; depth <= CB_JSON_MAX_DEPTH; depth++)
    {
      GString *member = g_string_new ("  \"x_deep\": ");
      g_autofree char *input = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (CbProject) project = NULL;

      /* The root object is one level already. */
      for (guint i = 0; i < depth; i++)
        g_string_append_c (member, '[');
      g_string_append (member, "2.50");
      for (guint i = 0; i < depth; i++)
        g_string_append_c (member, ']');
      g_string_append (member, ",\n  \"language\": \"en\",\n");
      input = test_replace (original, "  \"language\": \"en\",\n", member->str);
      g_string_free (member, TRUE);

      project = cb_project_load_from_data (input, strlen (input), CB_LOAD_NONE, &error);
      if (depth + 1 <= CB_JSON_MAX_DEPTH)
        {
          g_autofree char *first = NULL;
          g_autofree char *json = NULL;
          g_autoptr (CbProject) again = NULL;

          g_assert_no_error (error);
          first = test_serialize (project);
          again = test_load_text (first);
          test_assert_serializes_to (again, first);
          json = cb_entity_dup_unknown_json (CB_ENTITY (again), "x_deep");
          g_assert_nonnull (strstr (json, "2.50"));
        }
      else
        {
          g_assert_null (project);
          g_assert_error (error, CB_PROJECT_ERROR, CB_PROJECT_ERROR_INVALID_JSON);
          g_assert_nonnull (strstr (error->message, "nesting too deep"));
        }
    }
}

/* Strictness, with places */

typedef struct
{
  const char *input;
  gssize length;          /* -1: strlen */
  guint line;
  guint column;
  const char *fragment;   /* in the message, or NULL */
} StrictCase;

static const StrictCase strict_cases[] = {
  /* duplicate member names */
  { "{\"a\": 1, \"a\": 2}", -1, 1, 10, "twice" },
  { "{\"a\": {\"b\": 1, \"c\": 2, \"b\": 3}}", -1, 1, 24, "twice" },
  { "{\"\\u0061\": 1, \"a\": 2}", -1, 1, 15, "twice" },
  /* escaped NUL */
  { "[\"\\u0000\"]", -1, 1, 3, "NUL" },
  { "{\"x\\u0000\": 1}", -1, 1, 4, "NUL" },
  /* lone surrogates */
  { "[\"\\ud800\"]", -1, 1, 3, "surrogate" },
  { "[\"\\uDBFF\\u0041\"]", -1, 1, 3, "surrogate" },
  { "[\"a\\udc00\"]", -1, 1, 4, "surrogate" },
  /* comments */
  { "// comment\n{}", -1, 1, 1, "comment" },
  { "/* comment */ {}", -1, 1, 1, "comment" },
  { "[1, /* two */ 2]", -1, 1, 5, "comment" },
  { "{\"a\": 1 // note\n}", -1, 1, 9, NULL },
  { "{\"a\": 1}\n/* trailing comment */", -1, 2, 1, NULL },
  /* single quotes */
  { "['a']", -1, 1, 2, "single quotes" },
  { "{'a': 1}", -1, 1, 2, "double quotes" },
  /* data after the value */
  { "{} x", -1, 1, 4, "after the JSON value" },
  { "[1] [2]", -1, 1, 5, "after the JSON value" },
  { "{}\n,", -1, 2, 1, "after the JSON value" },
  { "{}\0", 3, 1, 3, "NUL" },
  /* invalid UTF-8 */
  { "[\"\xff\"]", -1, 1, 3, "UTF-8" },
  { "[\"\xc0\xaf\"]", -1, 1, 3, "UTF-8" },
  { "[\"\xed\xa0\x80\"]", -1, 1, 3, "UTF-8" },
  { "[\"\xe6\x97\"]", -1, 1, 3, "UTF-8" },
  { "[\"\xf4\x90\x80\x80\"]", -1, 1, 3, "UTF-8" },
  { "{\"\xe6\xa0\x87\xe9\xa2\x98\": \"\xfe\"}", -1, 1, 9, "UTF-8" },
  /* raw control characters in strings */
  { "[\"a\tb\"]", -1, 1, 4, "control character" },
  { "[\"a\nb\"]", -1, 1, 4, "control character" },
  { "[\"a\x01\"]", -1, 1, 4, "control character" },
  /* numbers */
  { "[1e400]", -1, 1, 2, "outside the range" },
  { "{\"x\": -1e400}", -1, 1, 7, "outside the range" },
  { "[123.456e99999]", -1, 1, 2, "outside the range" },
  { "[01]", -1, 1, 3, "leading zeros" },
  { "[1.]", -1, 1, 4, "decimal point" },
  { "[.5]", -1, 1, 2, NULL },
  { "[+1]", -1, 1, 2, NULL },
  { "[1e]", -1, 1, 4, "exponent" },
  { "[NaN]", -1, 1, 2, NULL },
  { "[Infinity]", -1, 1, 2, NULL },
  { "[-Infinity]", -1, 1, 3, NULL },
  /* structure, with lines and characters counted */
  { "[\n  1,\n    x\n]", -1, 3, 5, NULL },
  { "[\"\xc3\xa9\", x]", -1, 1, 7, NULL },
  { "{\"\xe6\xa0\x87\xe9\xa2\x98\": ?}", -1, 1, 8, NULL },
  { "{\r\n  \"a\": 1,\r\n  \"b\" 2\r\n}", -1, 3, 7, "':'" },
  { "[\"abc", -1, 1, 2, "not closed" },
  { "[\"\\x\"]", -1, 1, 3, "escape" },
  { "[\"\\u12G4\"]", -1, 1, 7, "escape" },
  { "[true false]", -1, 1, 7, NULL },
  { "{\"a\" 1}", -1, 1, 6, "':'" },
  { "{\"a\": 1,}", -1, 1, 9, NULL },
  { "[1,]", -1, 1, 4, NULL },
  { "", 0, 1, 1, NULL },
  { "   \n  ", -1, 2, 3, NULL },
  { "tru", -1, 1, 1, NULL },
  { "{", -1, 1, 2, "not closed" },
};

static void
test_strict (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (strict_cases); i++)
    {
      const StrictCase *c = &strict_cases[i];
      gsize length = c->length < 0 ? strlen (c->input) : (gsize) c->length;
      g_autofree char *message = NULL;
      guint line = 0, column = 0;
      g_autoptr (CbJsonDoc) doc = cb_json_parse (c->input, length, &line, &column, &message);
      g_autoptr (GError) error = NULL;
      g_autoptr (CbProject) project = NULL;

      if (doc != NULL)
        {
          g_test_fail_printf ("strict case %u was accepted", i);
          continue;
        }
      if (message == NULL || *message == '\0' ||
          (c->fragment != NULL && strstr (message, c->fragment) == NULL))
        g_test_fail_printf ("strict case %u: message “%s” does not mention “%s”",
                            i, message, c->fragment);
      if (line != c->line || column != c->column)
        g_test_fail_printf ("strict case %u: refused at %u:%u, expected %u:%u (%s)",
                            i, line, column, c->line, c->column, message);

      /* The project loader reports the same place. */
      project = cb_project_load_from_data (c->input, length, CB_LOAD_NONE, &error);
      g_assert_null (project);
      g_assert_error (error, CB_PROJECT_ERROR, CB_PROJECT_ERROR_INVALID_JSON);
      g_assert_cmpuint (cb_project_error_get_line (error), ==, line);
      g_assert_cmpuint (cb_project_error_get_column (error), ==, column);
  }
}

static void
test_strict_accepts (void)
{
  /* Things that look suspicious but are fine. */
  const char *inputs[] = {
    "[\"\\\\u0000\"]",                        /* an escaped backslash, then "u0000" */
    "[\"\\ud83d\\ude00\"]",                   /* a surrogate pair */
    "[12345678901234567890, -0.0, 1e-300, 1E+2]",
    "\xef\xbb\xbf{}",                         /* a byte order mark */
    " \t\r\n{\"\": \"\"} \n",
    "{\"a\": 1, \"b\": {\"a\": 2}}",           /* the same name in another object */
    "[\"\xe2\x80\xa8\xf0\x9f\x98\x80\"]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autofree char *message = NULL;
      g_autoptr (CbJsonDoc) doc = cb_json_parse (inputs[i], strlen (inputs[i]), NULL, NULL, &message);

      if (doc == NULL)
        g_error ("“%s” refused: %s", inputs[i], message);
    }

  /* Duplicate names in a large object take another path through the parser. */
  {
    GString *big = g_string_new ("{");
    g_autofree char *message = NULL;
    guint line = 0, column = 0;
    g_autoptr (CbJsonDoc) doc = NULL;

    for (guint i = 0; i < 40; i++)
      g_string_append_printf (big, "\"m%u\": %u, ", i, i);
    g_string_append (big, "\n\"m17\": 0}");
    doc = cb_json_parse (big->str, big->len, &line, &column, &message);
    g_assert_null (doc);
    g_assert_nonnull (strstr (message, "twice"));
    g_assert_nonnull (strstr (message, "m17"));
    g_assert_cmpuint (line, ==, 2);
    g_assert_cmpuint (column, ==, 1);
    g_string_free (big, TRUE);
  }
}

static void
test_surrogate_pair_decoded (void)
{
  const char *input = "[\"\\ud83d\\ude00\\u00e9\\n\"]";
  g_autoptr (CbJsonDoc) doc = cb_json_parse (input, strlen (input), NULL, NULL, NULL);
  CbJson *str;

  g_assert_nonnull (doc);
  str = cb_json_doc_get_root (doc)->v.array.items[0];
  g_assert_cmpint (str->type, ==, CB_JSON_STRING);
  g_assert_cmpuint (str->v.string.len, ==, 7);
  g_assert_cmpmem (str->v.string.str, str->v.string.len, "\xf0\x9f\x98\x80\xc3\xa9\n", 7);
}

/* Issue item 11: a located error for malformed JSON. */
static void
test_malformed_project (void)
{
  const char *input = "{\n  \"a\": 1,\n  \"b\": ]\n}";
  g_autoptr (GError) error = NULL;
  g_autoptr (CbProject) project = cb_project_load_from_data (input, strlen (input), CB_LOAD_NONE, &error);
  g_autofree char *dir = test_make_dir ("malformed");
  g_autofree char *path = g_build_filename (dir, "bad.coursebridge", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);

  g_assert_null (project);
  g_assert_error (error, CB_PROJECT_ERROR, CB_PROJECT_ERROR_INVALID_JSON);
  g_assert_cmpuint (cb_project_error_get_line (error), ==, 3);
  g_assert_cmpuint (cb_project_error_get_column (error), ==, 8);
  g_assert_nonnull (strstr (error->message, "Line 3"));
  g_clear_error (&error);

  /* Nothing at all. */
  project = cb_project_load_from_data (NULL, 0, CB_LOAD_NONE, &error);
  g_assert_null (project);
  g_assert_error (error, CB_PROJECT_ERROR, CB_PROJECT_ERROR_INVALID_JSON);
  g_assert_cmpuint (cb_project_error_get_line (error), ==, 1);
  g_assert_cmpuint (cb_project_error_get_column (error), ==, 1);
  g_clear_error (&error);

  /* The same place when reading the file; the message names the file. */
  test_write_file (path, input, -1);
  project = cb_project_load_from_file (file, CB_LOAD_NONE, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, CB_PROJECT_ERROR, CB_PROJECT_ERROR_INVALID_JSON);
  g_assert_cmpuint (cb_project_error_get_line (error), ==, 3);
  g_assert_cmpuint (cb_project_error_get_column (error), ==, 8);
  g_assert_nonnull (strstr (error->message, "Line 3"));
  g_assert_nonnull (strstr (error->message, "bad.coursebridge"));
}

/* cb-project.h: "Where a CB_PROJECT_ERROR happened in the file; 0 / NULL
 * when unknown." Callers get other errors too (a missing file is a
 * G_IO_ERROR), so asking them must be harmless. */
static void
test_error_other_domain (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr (GFile) file = g_file_new_for_path ("/nonexistent/x.coursebridge");
      g_autoptr (GError) error = NULL;
      g_autoptr (CbProject) project = cb_project_load_from_file (file, CB_LOAD_NONE, NULL, &error);

      g_assert_null (project);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
      g_assert_cmpuint (cb_project_error_get_line (error), ==, 0);
      g_assert_cmpuint (cb_project_error_get_column (error), ==, 0);
      g_assert_null (cb_project_error_get_path (error));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  if (!g_test_trap_has_passed ())
    g_test_fail_printf ("asking a G_IO_ERROR for its line or column fails");
}

/* Numbers */

static void
test_numbers_unknown_kept (void)
{
  g_autofree char *original = test_example_text ("robotics-en.coursebridge");
  g_autofree char *input = test_replace (original,
    "  \"language\": \"en\",\n",
    "  \"x_numbers\": [\n"
    "    1e+22,\n"
    "    12345678901234567890,\n"
    "    -0.0,\n"
    "    1.5e-10,\n"
    "    1E400000000000000000000000000000000000000000000000000000000000000000000000000,\n"
    "    100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000\n"
    "  ],\n"
    "  \"language\": \"en\",\n");
  g_autoptr (CbProject) project = NULL;
  g_autofree char *json = NULL;
  g_autofree char *edited = NULL;

  /* 1E400… is out of range: refused. */
  {
    g_autoptr (GError) error = NULL;

    project = cb_project_load_from_data (input, strlen (input), CB_LOAD_NONE, &error);
    g_assert_null (project);
    g_assert_error (error, CB_PROJECT_ERROR, CB_PROJECT_ERROR_INVALID_JSON);
    g_assert_nonnull (strstr (error->message, "range"));
  }

  g_free (input);
  input = test_replace (original,
    "  \"language\": \"en\",\n",
    "  \"x_numbers\": [\n"
    "    1e+22,\n"
    "    12345678901234567890,\n"
    "    -0.0,\n"
    "    1.5e-10,\n"
    "    0.10000000000000000000000000001,\n"
    "    -0\n"
    "  ],\n"
    "  \"language\": \"en\",\n");
  project = test_load_text (input);
  test_assert_serializes_to (project, input);

  json = cb_entity_dup_unknown_json (CB_ENTITY (project), "x_numbers");
  g_assert_cmpstr (json, ==,
                   "[\n  1e+22,\n  12345678901234567890,\n  -0.0,\n  1.5e-10,\n"
                   "  0.10000000000000000000000000001,\n  -0\n]");

  /* Kept as written after an edit elsewhere, too. */
  cb_entity_set_string (CB_ENTITY (project), "title", "Edited");
  edited = test_replace (input, "\"title\": \"Industrial Robotics Engineering Technology, 2027 curriculum\"",
                         "\"title\": \"Edited\"");
  test_assert_serializes_to (project, edited);
}

static void
check_credits (CbProject  *project,
               double      value,
               const char *written)
{
  CbEntity *course = test_course (project, 0);
  g_autofree char *text = NULL;
  g_autofree char *line = g_strdup_printf ("\n      \"credits\": %s,\n", written);
  g_autoptr (CbProject) again = NULL;

  cb_entity_set_number (course, "credits", value);
  g_assert_cmpfloat (cb_entity_get_number (course, "credits"), ==, value);
  text = test_serialize (project);
  if (strstr (text, line) == NULL)
    g_error ("%g is not written as %s", value, written);

  again = test_load_text (text);
  g_assert_cmpfloat (cb_entity_get_number (test_course (again, 0), "credits"), ==, value);
  test_assert_serializes_to (again, text);
}

static void
test_numbers_known_written (void)
{
  g_autoptr (CbProject) project = test_load_example_project ("robotics-en.coursebridge");

  check_credits (project, 0.1, "0.1");
  check_credits (project, 1e22, "1e+22");
  check_credits (project, 3, "3");
  check_credits (project, 2.5, "2.5");
  check_credits (project, -0.0, "0");
  check_credits (project, 0.1 + 0.2, "0.30000000000000004");
  check_credits (project, 1.0 / 3.0, "0.3333333333333333");
  check_credits (project, 123456789012345.0, "123456789012345");
  check_credits (project, 1e15, "1e+15");
  check_credits (project, 2.5e-8, "2.5e-08");
  check_credits (project, -7.25, "-7.25");
}

static void
test_numbers_random_round_trip (void)
{
  for (guint i = 0; i < 20000; i++)
    {
      double value;
      guint64 bits;
      GString *text = g_string_new ("[");
      g_autofree char *message = NULL;
      g_autoptr (CbJsonDoc) doc = NULL;
      CbJson *number;

      if (i % 3 == 0)
        {
          bits = ((guint64) g_test_rand_int () << 32) | (guint32) g_test_rand_int ();
          memcpy (&value, &bits, sizeof value);
        }
      else if (i % 3 == 1)
        value = g_test_rand_int_range (-100000, 100000) / 100.0;
      else
        value = g_test_rand_double_range (-1e6, 1e6);
      if (!isfinite (value))
        {
          g_string_free (text, TRUE);
          continue;
        }

      cb_json_write_double (text, value);
      g_string_append_c (text, ']');
      doc = cb_json_parse (text->str, text->len, NULL, NULL, &message);
      if (doc == NULL)
        g_error ("%.17g was written as %s, which does not parse: %s", value, text->str, message);
      number = cb_json_doc_get_root (doc)->v.array.items[0];
      if (number->v.number.value != value)
        g_error ("%.17g was written as %s, which reads back as %.17g",
                 value, text->str, number->v.number.value);
      g_assert_null (strstr (text->str, "inf"));
      g_assert_null (strstr (text->str, "nan"));
      g_string_free (text, TRUE);
    }
}

static void
test_numbers_no_inf_nan (void)
{
  g_autoptr (CbProject) project = test_load_example_project ("robotics-en.coursebridge");
  CbEntity *course = test_course (project, 0);
  const double bad[] = { INFINITY, -INFINITY, NAN };
  g_autofree char *before = test_serialize (project);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_expect_message ("cb-entity", G_LOG_LEVEL_CRITICAL, "*isfinite*");
      cb_entity_set_number (course, "credits", bad[i]);
      g_test_assert_expected_messages ();

      g_test_expect_message ("cb-json", G_LOG_LEVEL_CRITICAL, "*isfinite*");
      cb_json_write_double (out, bad[i]);
      g_test_assert_expected_messages ();
    }
  g_assert_cmpuint (out->len, ==, 0);
  g_string_free (out, TRUE);

  g_assert_cmpfloat (cb_entity_get_number (course, "credits"), ==, 4);
  g_assert_false (cb_project_can_undo (project));
  test_assert_serializes_to (project, before);
}

/* Strings and trees */

static void
test_write_string (void)
{
  GString *all = g_string_new (NULL);
  GString *out = g_string_new (NULL);
  g_autoptr (CbJsonDoc) doc = NULL;
  CbJson *str;

  for (int c = 1; c < 0x80; c++)
    g_string_append_c (all, (char) c);
  g_string_append (all, "\xc3\xa9\xe6\xa0\x87\xf0\x9f\x98\x80\xe2\x80\xa8");
  cb_json_write_string (out, all->str, (gssize) all->len);

  /* Control characters are escaped, nothing else but quote and backslash. */
  for (gsize i = 0; i < out->len; i++)
    g_assert_cmpuint ((guchar) out->str[i], >=, 0x20);
  g_assert_nonnull (strstr (out->str, "\\n\\u000b\\f\\r\\u000e"));
  g_assert_nonnull (strstr (out->str, "\\\""));
  g_assert_nonnull (strstr (out->str, "\\\\"));
  g_assert_nonnull (strstr (out->str, "/"));
  g_assert_null (strstr (out->str, "\\/"));

  doc = cb_json_parse (out->str, out->len, NULL, NULL, NULL);
  g_assert_nonnull (doc);
  str = cb_json_doc_get_root (doc);
  g_assert_cmpint (str->type, ==, CB_JSON_STRING);
  g_assert_cmpmem (str->v.string.str, str->v.string.len, all->str, all->len);

  g_string_free (all, TRUE);
  g_string_free (out, TRUE);
}

static void
test_copy_equal (void)
{
  const char *input = "{\"a\": [1, 2.50, \"z\", true, false, null, {}, []], \"b\": {\"c\": -0.0}}";
  const char *other = "{\"a\": [1, 2.5, \"z\", true, false, null, {}, []], \"b\": {\"c\": -0.0}}";
  g_autoptr (CbJsonDoc) doc = cb_json_parse (input, strlen (input), NULL, NULL, NULL);
  g_autoptr (CbJsonDoc) doc2 = cb_json_parse (other, strlen (other), NULL, NULL, NULL);
  CbJson *copy;
  g_autofree char *text = NULL;
  g_autofree char *copy_text = NULL;

  g_assert_nonnull (doc);
  copy = cb_json_copy (cb_json_doc_get_root (doc));
  text = cb_json_to_string (cb_json_doc_get_root (doc));
  g_clear_pointer (&doc, cb_json_doc_free);

  copy_text = cb_json_to_string (copy);
  g_assert_cmpstr (copy_text, ==, text);
  g_assert_cmpstr (text, ==,
                   "{\n  \"a\": [\n    1,\n    2.50,\n    \"z\",\n    true,\n    false,\n    null,\n"
                   "    {},\n    []\n  ],\n  \"b\": {\n    \"c\": -0.0\n  }\n}");
  /* Numbers compare as written: 2.50 is kept, not 2.5. */
  g_assert_false (cb_json_equal (copy, cb_json_doc_get_root (doc2)));
  g_assert_true (cb_json_equal (copy, copy));
  g_assert_nonnull (cb_json_object_get (copy, "b"));
  g_assert_null (cb_json_object_get (copy, "c"));
  g_assert_cmpint (cb_json_object_get (cb_json_object_get (copy, "b"), "c")->type, ==, CB_JSON_NUMBER);
  cb_json_free (copy);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/json/suite/accept", test_suite_accept);
  g_test_add_func ("/core/json/suite/refuse", test_suite_refuse);
  g_test_add_func ("/core/json/suite/either", test_suite_either);
  g_test_add_func ("/core/json/suite/project-load", test_suite_project_load);
  g_test_add_func ("/core/json/deep-nesting", test_deep_nesting);
  g_test_add_func ("/core/json/depth-limit", test_depth_limit);
  g_test_add_func ("/core/json/deep-unknown-member", test_deep_unknown_member);
  g_test_add_func ("/core/json/strict", test_strict);
  g_test_add_func ("/core/json/strict-accepts", test_strict_accepts);
  g_test_add_func ("/core/json/surrogate-pair", test_surrogate_pair_decoded);
  g_test_add_func ("/core/json/malformed-project", test_malformed_project);
  g_test_add_func ("/core/json/error-other-domain", test_error_other_domain);
  g_test_add_func ("/core/json/numbers/unknown-kept", test_numbers_unknown_kept);
  g_test_add_func ("/core/json/numbers/known-written", test_numbers_known_written);
  g_test_add_func ("/core/json/numbers/random-round-trip", test_numbers_random_round_trip);
  g_test_add_func ("/core/json/numbers/no-inf-nan", test_numbers_no_inf_nan);
  g_test_add_func ("/core/json/write-string", test_write_string);
  g_test_add_func ("/core/json/copy-equal", test_copy_equal);

  return g_test_run ();
}
