# Install layout (GNU/FHS through GNUInstallDirs), desktop integration and the .deb (CPack).
#   bin/liverbridge
#   share/liverbridge/{protocols,rules,examples,scenarios,clinical-reference.md}  read by the program
#   share/doc/liverbridge/                                         README, docs/, copyright
#   share/applications, share/icons/hicolor, share/metainfo, share/man/man1,
#   share/bash-completion/completions
# The program finds share/liverbridge relative to its own binary (ui/gui/data_dirs.cpp), so
# DESTDIR staging and another prefix work; ctest "install.*" proves it (tests/install/).
include(GNUInstallDirs)
# `make install` and cpack need only the installed targets (built by scripts/package), not
# every test executable.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

set(LB_APP_ID org.liverbridge.LiverBridge)  # reverse-DNS: desktop file, icon and metainfo id
# The release of PROJECT_VERSION (metainfo, Debian changelog): change with the version, so
# that the package is the same whenever it is built.
set(LB_RELEASE_DATE 2026-12-04)
set(LB_RELEASE_DATE_RFC2822 "Fri, 04 Dec 2026 12:00:00 +0000")
# No public address yet: .invalid (RFC 2606) says so rather than inventing one.
set(LB_MAINTAINER "LiverBridge team <packaging@liverbridge.invalid>" CACHE STRING
    "Maintainer field of the .deb")
set(LB_DATA_DEST ${CMAKE_INSTALL_DATADIR}/liverbridge)
file(RELATIVE_PATH LB_DATA_FROM_BIN ${CMAKE_INSTALL_FULL_BINDIR}
     ${CMAKE_INSTALL_FULL_DATADIR}/liverbridge)
set_source_files_properties(${CMAKE_SOURCE_DIR}/ui/gui/data_dirs.cpp PROPERTIES
  COMPILE_DEFINITIONS "LB_BUILD_DIR=\"${CMAKE_BINARY_DIR}\";LB_SOURCE_DIR=\"${CMAKE_SOURCE_DIR}\";LB_DATA_FROM_BIN=\"${LB_DATA_FROM_BIN}\"")

install(TARGETS liverbridge RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/protocols/ DESTINATION ${LB_DATA_DEST}/protocols
        FILES_MATCHING PATTERN "*.yaml")
install(DIRECTORY ${CMAKE_SOURCE_DIR}/rules/ DESTINATION ${LB_DATA_DEST}/rules
        FILES_MATCHING PATTERN "*.yaml")
# Training scenarios and their action scripts and golden timelines (`liverbridge sim`).
install(DIRECTORY ${CMAKE_SOURCE_DIR}/scenarios/ DESTINATION ${LB_DATA_DEST}/scenarios
        FILES_MATCHING PATTERN "*.yaml" PATTERN "*.jsonl" PATTERN "README.md")
install(DIRECTORY ${CMAKE_SOURCE_DIR}/examples/ DESTINATION ${LB_DATA_DEST}/examples
        FILES_MATCHING PATTERN "*.yaml" PATTERN "*.csv" PATTERN "README.md")
# `liverbridge explain` and the window's Reference read the clinical reference from here
# (gui::program_data_dirs().reference), not from share/doc, which an admin may drop.
install(FILES ${CMAKE_SOURCE_DIR}/docs/clinical-reference.md DESTINATION ${LB_DATA_DEST})
file(GLOB LB_DOC_FILES ${CMAKE_SOURCE_DIR}/docs/*.md ${CMAKE_SOURCE_DIR}/docs/*.png)
install(FILES ${CMAKE_SOURCE_DIR}/README.md ${LB_DOC_FILES} DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${CMAKE_SOURCE_DIR}/protocols/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR}
        RENAME protocols.md)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})

# ---- desktop entry, metainfo, icons -----------------------------------------------------
configure_file(${CMAKE_SOURCE_DIR}/packaging/liverbridge.desktop.in
               ${CMAKE_BINARY_DIR}/packaging/${LB_APP_ID}.desktop @ONLY)
# Software centres fetch screenshots over the web: only with the project's public address.
set(LB_PROJECT_URL "" CACHE STRING "Public web address of the project (metainfo url, screenshots)")
set(LB_METAINFO_URLS "")
if(LB_PROJECT_URL)
  string(CONCAT LB_METAINFO_URLS
    "  <url type=\"homepage\">${LB_PROJECT_URL}</url>\n"
    "  <screenshots>\n"
    "    <screenshot type=\"default\">\n"
    "      <caption>Plan, eligibility and derivations of a patient</caption>\n"
    "      <image type=\"source\" width=\"1280\" height=\"800\">"
    "${LB_PROJECT_URL}/docs/screenshot-1280x800.png</image>\n"
    "    </screenshot>\n"
    "  </screenshots>\n")
endif()
configure_file(${CMAKE_SOURCE_DIR}/packaging/liverbridge.metainfo.xml.in
               ${CMAKE_BINARY_DIR}/packaging/${LB_APP_ID}.metainfo.xml @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/packaging/${LB_APP_ID}.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CMAKE_BINARY_DIR}/packaging/${LB_APP_ID}.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/liverbridge.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps RENAME ${LB_APP_ID}.svg)
# PNG sizes drawn from the SVG at build time (rsvg-convert, Debian librsvg2-bin: scripts/setup).
find_program(RSVG_CONVERT rsvg-convert)
if(RSVG_CONVERT)
  set(LB_ICON_PNGS "")
  foreach(size 16 32 48 64 128 256)
    set(png ${CMAKE_BINARY_DIR}/packaging/icons/${size}x${size}/${LB_APP_ID}.png)
    add_custom_command(OUTPUT ${png}
      COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/packaging/icons/${size}x${size}
      COMMAND ${RSVG_CONVERT} -w ${size} -h ${size} -o ${png} ${CMAKE_SOURCE_DIR}/packaging/liverbridge.svg
      DEPENDS ${CMAKE_SOURCE_DIR}/packaging/liverbridge.svg VERBATIM)
    list(APPEND LB_ICON_PNGS ${png})
    install(FILES ${png} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
  endforeach()
  add_custom_target(lb_icons ALL DEPENDS ${LB_ICON_PNGS})
else()
  message(STATUS "rsvg-convert not found (librsvg2-bin): no PNG icons; scripts/setup installs it")
endif()

# ---- manual page and bash completion, written by the program from its own options ---------
set(LB_MAN ${CMAKE_BINARY_DIR}/packaging/liverbridge.1)
set(LB_COMPLETION ${CMAKE_BINARY_DIR}/packaging/liverbridge.bash-completion)
add_custom_command(OUTPUT ${LB_MAN}.gz ${LB_COMPLETION}
  COMMAND $<TARGET_FILE:liverbridge> --help-man > ${LB_MAN}
  COMMAND gzip -9nf ${LB_MAN}
  COMMAND $<TARGET_FILE:liverbridge> --help-bash-completion > ${LB_COMPLETION}
  DEPENDS liverbridge VERBATIM)
add_custom_target(lb_man_completion ALL DEPENDS ${LB_MAN}.gz ${LB_COMPLETION})
install(FILES ${LB_MAN}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${LB_COMPLETION} DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME liverbridge)

# ---- the Debian package: scripts/package runs cpack -------------------------------------
# Debian wants a changelog in every binary package (lintian "no-changelog"); a native
# package (no Debian revision) names it changelog.gz.
configure_file(${CMAKE_SOURCE_DIR}/packaging/changelog.in
               ${CMAKE_BINARY_DIR}/packaging/changelog @ONLY)
add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/packaging/changelog.gz
  COMMAND gzip -9nkf ${CMAKE_BINARY_DIR}/packaging/changelog
  DEPENDS ${CMAKE_BINARY_DIR}/packaging/changelog VERBATIM)
add_custom_target(lb_changelog ALL DEPENDS ${CMAKE_BINARY_DIR}/packaging/changelog.gz)
install(FILES ${CMAKE_BINARY_DIR}/packaging/changelog.gz
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME liverbridge)
set(CPACK_PACKAGE_VENDOR "LiverBridge team")
set(CPACK_PACKAGE_CONTACT "${LB_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "planner for therapeutic plasma exchange in liver failure")
# The extended description only: CPack puts the summary on the first line itself.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
  "From a protocol file and a patient file, LiverBridge computes eligibility,\n"
  " blood, plasma and exchange volumes, replacement orders, anticoagulation and\n"
  " the course, and shows how every figure was derived. A planning and training\n"
  " aid: every order needs clinical sign-off.")
string(REPLACE ";" "" CPACK_DEBIAN_PACKAGE_DESCRIPTION "${CPACK_DEBIAN_PACKAGE_DESCRIPTION}")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # Depends: from dpkg-shlibdeps on the binary
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # liverbridge_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
include(CPack)

# ---- tests: the installed tree and the package, checked as a user and Debian would -------
if(TARGET lb_png_check)
  set(LB_INSTALL_PNG_CHECK $<TARGET_FILE:lb_png_check>)
else()
  set(LB_INSTALL_PNG_CHECK none)
endif()
if(XVFB_RUN)
  set(LB_INSTALL_XVFB ${XVFB_RUN})
else()
  set(LB_INSTALL_XVFB none)
endif()
add_test(NAME install.relocated
         COMMAND ${CMAKE_SOURCE_DIR}/tests/install/installed_test.sh ${CMAKE_BINARY_DIR}
                 $<TARGET_FILE:liverbridge> ${LB_INSTALL_XVFB}
                 ${LB_INSTALL_PNG_CHECK})
set_tests_properties(install.relocated PROPERTIES LABELS "install" TIMEOUT 300
                     SKIP_RETURN_CODE 77)
# The .deb itself: cpack, Depends from dpkg-shlibdeps, the desktop files, lintian with no error
# (seconds on a Release build). Not under the sanitizers: that binary links libasan/libubsan,
# which no package ships with. scripts/package runs the same script and keeps the .deb.
if(NOT LB_SANITIZE)
  add_test(NAME install.deb COMMAND ${CMAKE_SOURCE_DIR}/tests/install/deb_test.sh
                                    ${CMAKE_BINARY_DIR})
  set_tests_properties(install.deb PROPERTIES LABELS "install" TIMEOUT 300
                       SKIP_RETURN_CODE 77 RUN_SERIAL TRUE)
endif()
