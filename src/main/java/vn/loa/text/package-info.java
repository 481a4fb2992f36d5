/**
 * Which characters a person's text may hold and how each output drops the rest: one rule
 * for every module that takes text in or writes it out; and the Roman numerals that
 * number congresses and sections, read alike by the importer and the radio. An open
 * module that uses no other.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Text",
		type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package vn.loa.text;
