# HSDS (docs/hsds.md): every shipped catalog exported to HSDS 3.0 and 3.1
# validates against that version's compiled schema (python3-jsonschema; skipped
# with status 77 when it is missing), and the synthetic national catalog goes
# through the writer and both HSDS versions unchanged. tests/test_hsds.c has the rest.
if(TARGET paroer-cli)
  foreach(v 3.0 3.1)
    add_test(NAME hsds_schema_${v}
             COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/hsds/check_export.sh $<TARGET_FILE:paroer-cli> ${v}
                     ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/hsds-schema-${v})
    set_tests_properties(hsds_schema_${v} PROPERTIES SKIP_RETURN_CODE 77)
  endforeach()
  if(TARGET paroer-synth)
    add_test(NAME hsds_synth_roundtrip
             COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/hsds/check_synth.sh $<TARGET_FILE:paroer-cli>
                     $<TARGET_FILE:paroer-synth> ${CMAKE_CURRENT_BINARY_DIR}/hsds-synth)
  endif()
endif()
if(TARGET paroer-cli)
  add_test(NAME hsds_convert_cli
           COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/hsds/check_convert.sh $<TARGET_FILE:paroer-cli>
                   ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/hsds-convert)
endif()
