# cmake -DSCDOC=... -DIN=page.scd -DOUT=page -P scdoc.cmake: scdoc < IN > OUT,
# failing the build (and leaving no OUT) when scdoc finds an error.
execute_process(COMMAND ${SCDOC} INPUT_FILE ${IN} OUTPUT_FILE ${OUT}.tmp RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  file(REMOVE ${OUT}.tmp)
  message(FATAL_ERROR "scdoc ${IN}: ${err}")
endif()
file(RENAME ${OUT}.tmp ${OUT})
