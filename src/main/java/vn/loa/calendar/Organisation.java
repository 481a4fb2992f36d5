package vn.loa.calendar;

/**
 * Who owns plans, content, subscriber lists and radio stations.
 *
 * @param id stable id ({@code default})
 * @param name Vietnamese name
 */
public record Organisation(String id, String name) {

}
