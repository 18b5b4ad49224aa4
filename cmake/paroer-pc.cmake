# Writes paroer.pc for the prefix the package is being installed into. Run at
# install time from CMakeLists.txt's install(CODE), so `cmake --install
# --prefix P` gives a .pc that points into P. Relative install directories
# become ${prefix}/...; absolute ones (-DCMAKE_INSTALL_LIBDIR=/abs) stay as given.
function(paroer_write_pc template output)
  foreach(v LIBDIR INCLUDEDIR DATADIR)
    if(IS_ABSOLUTE "${PAROER_PC_${v}}")
      set(PAROER_PC_${v}_EXPR "${PAROER_PC_${v}}")
    else()
      set(PAROER_PC_${v}_EXPR "\${prefix}/${PAROER_PC_${v}}")
    endif()
  endforeach()
  configure_file("${template}" "${output}" @ONLY)
endfunction()
