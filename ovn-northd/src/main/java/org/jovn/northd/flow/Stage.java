package org.jovn.northd.flow;

import static org.jovn.northd.flow.Pipeline.EGRESS;
import static org.jovn.northd.flow.Pipeline.INGRESS;

/**
 * The stages of OVN 23.03's logical pipelines: for logical switches ({@code ls_*}) and logical
 * routers ({@code lr_*}), ingress and egress, with the table numbers ovn-controller expects
 * ({@code Logical_Flow.table_id}) and the names {@code ovn-sbctl lflow-list} prints
 * ({@code external_ids:stage-name}).
 */
public enum Stage {
  LS_IN_CHECK_PORT_SEC(true, INGRESS, 0, "ls_in_check_port_sec"),
  LS_IN_APPLY_PORT_SEC(true, INGRESS, 1, "ls_in_apply_port_sec"),
  LS_IN_LOOKUP_FDB(true, INGRESS, 2, "ls_in_lookup_fdb"),
  LS_IN_PUT_FDB(true, INGRESS, 3, "ls_in_put_fdb"),
  LS_IN_PRE_ACL(true, INGRESS, 4, "ls_in_pre_acl"),
  LS_IN_PRE_LB(true, INGRESS, 5, "ls_in_pre_lb"),
  LS_IN_PRE_STATEFUL(true, INGRESS, 6, "ls_in_pre_stateful"),
  LS_IN_ACL_HINT(true, INGRESS, 7, "ls_in_acl_hint"),
  LS_IN_ACL(true, INGRESS, 8, "ls_in_acl"),
  LS_IN_QOS_MARK(true, INGRESS, 9, "ls_in_qos_mark"),
  LS_IN_QOS_METER(true, INGRESS, 10, "ls_in_qos_meter"),
  LS_IN_LB_AFF_CHECK(true, INGRESS, 11, "ls_in_lb_aff_check"),
  LS_IN_LB(true, INGRESS, 12, "ls_in_lb"),
  LS_IN_LB_AFF_LEARN(true, INGRESS, 13, "ls_in_lb_aff_learn"),
  LS_IN_PRE_HAIRPIN(true, INGRESS, 14, "ls_in_pre_hairpin"),
  LS_IN_NAT_HAIRPIN(true, INGRESS, 15, "ls_in_nat_hairpin"),
  LS_IN_HAIRPIN(true, INGRESS, 16, "ls_in_hairpin"),
  LS_IN_ACL_AFTER_LB(true, INGRESS, 17, "ls_in_acl_after_lb"),
  LS_IN_STATEFUL(true, INGRESS, 18, "ls_in_stateful"),
  LS_IN_ARP_ND_RSP(true, INGRESS, 19, "ls_in_arp_rsp"),
  LS_IN_DHCP_OPTIONS(true, INGRESS, 20, "ls_in_dhcp_options"),
  LS_IN_DHCP_RESPONSE(true, INGRESS, 21, "ls_in_dhcp_response"),
  LS_IN_DNS_LOOKUP(true, INGRESS, 22, "ls_in_dns_lookup"),
  LS_IN_DNS_RESPONSE(true, INGRESS, 23, "ls_in_dns_response"),
  LS_IN_EXTERNAL_PORT(true, INGRESS, 24, "ls_in_external_port"),
  LS_IN_L2_LKUP(true, INGRESS, 25, "ls_in_l2_lkup"),
  LS_IN_L2_UNKNOWN(true, INGRESS, 26, "ls_in_l2_unknown"),

  LS_OUT_PRE_ACL(true, EGRESS, 0, "ls_out_pre_acl"),
  LS_OUT_PRE_LB(true, EGRESS, 1, "ls_out_pre_lb"),
  LS_OUT_PRE_STATEFUL(true, EGRESS, 2, "ls_out_pre_stateful"),
  LS_OUT_ACL_HINT(true, EGRESS, 3, "ls_out_acl_hint"),
  LS_OUT_ACL(true, EGRESS, 4, "ls_out_acl"),
  LS_OUT_QOS_MARK(true, EGRESS, 5, "ls_out_qos_mark"),
  LS_OUT_QOS_METER(true, EGRESS, 6, "ls_out_qos_meter"),
  LS_OUT_STATEFUL(true, EGRESS, 7, "ls_out_stateful"),
  LS_OUT_CHECK_PORT_SEC(true, EGRESS, 8, "ls_out_check_port_sec"),
  LS_OUT_APPLY_PORT_SEC(true, EGRESS, 9, "ls_out_apply_port_sec"),

  LR_IN_ADMISSION(false, INGRESS, 0, "lr_in_admission"),
  LR_IN_LOOKUP_NEIGHBOR(false, INGRESS, 1, "lr_in_lookup_neighbor"),
  LR_IN_LEARN_NEIGHBOR(false, INGRESS, 2, "lr_in_learn_neighbor"),
  LR_IN_IP_INPUT(false, INGRESS, 3, "lr_in_ip_input"),
  LR_IN_UNSNAT(false, INGRESS, 4, "lr_in_unsnat"),
  LR_IN_DEFRAG(false, INGRESS, 5, "lr_in_defrag"),
  LR_IN_LB_AFF_CHECK(false, INGRESS, 6, "lr_in_lb_aff_check"),
  LR_IN_DNAT(false, INGRESS, 7, "lr_in_dnat"),
  LR_IN_LB_AFF_LEARN(false, INGRESS, 8, "lr_in_lb_aff_learn"),
  LR_IN_ECMP_STATEFUL(false, INGRESS, 9, "lr_in_ecmp_stateful"),
  LR_IN_ND_RA_OPTIONS(false, INGRESS, 10, "lr_in_nd_ra_options"),
  LR_IN_ND_RA_RESPONSE(false, INGRESS, 11, "lr_in_nd_ra_response"),
  LR_IN_IP_ROUTING_PRE(false, INGRESS, 12, "lr_in_ip_routing_pre"),
  LR_IN_IP_ROUTING(false, INGRESS, 13, "lr_in_ip_routing"),
  LR_IN_IP_ROUTING_ECMP(false, INGRESS, 14, "lr_in_ip_routing_ecmp"),
  LR_IN_POLICY(false, INGRESS, 15, "lr_in_policy"),
  LR_IN_POLICY_ECMP(false, INGRESS, 16, "lr_in_policy_ecmp"),
  LR_IN_ARP_RESOLVE(false, INGRESS, 17, "lr_in_arp_resolve"),
  LR_IN_CHK_PKT_LEN(false, INGRESS, 18, "lr_in_chk_pkt_len"),
  LR_IN_LARGER_PKTS(false, INGRESS, 19, "lr_in_larger_pkts"),
  LR_IN_GW_REDIRECT(false, INGRESS, 20, "lr_in_gw_redirect"),
  LR_IN_ARP_REQUEST(false, INGRESS, 21, "lr_in_arp_request"),

  LR_OUT_CHK_DNAT_LOCAL(false, EGRESS, 0, "lr_out_chk_dnat_local"),
  LR_OUT_UNDNAT(false, EGRESS, 1, "lr_out_undnat"),
  LR_OUT_POST_UNDNAT(false, EGRESS, 2, "lr_out_post_undnat"),
  LR_OUT_SNAT(false, EGRESS, 3, "lr_out_snat"),
  LR_OUT_POST_SNAT(false, EGRESS, 4, "lr_out_post_snat"),
  LR_OUT_EGR_LOOP(false, EGRESS, 5, "lr_out_egr_loop"),
  LR_OUT_DELIVERY(false, EGRESS, 6, "lr_out_delivery");

  private final boolean logicalSwitch;
  private final Pipeline pipeline;
  private final int table;
  private final String stageName;

  Stage(boolean logicalSwitch, Pipeline pipeline, int table, String stageName) {
    this.logicalSwitch = logicalSwitch;
    this.pipeline = pipeline;
    this.table = table;
    this.stageName = stageName;
  }

  /** True for a logical switch's stages, false for a logical router's. */
  public boolean logicalSwitch() {
    return logicalSwitch;
  }

  /** Ingress or egress. */
  public Pipeline pipeline() {
    return pipeline;
  }

  /** {@code Logical_Flow.table_id}. */
  public int table() {
    return table;
  }

  /** {@code external_ids:stage-name}, e.g. {@code ls_in_l2_lkup}. */
  public String stageName() {
    return stageName;
  }

  /** The stage of this kind of datapath, pipeline and table, if there is one. */
  public static java.util.Optional<Stage> of(boolean logicalSwitch, Pipeline pipeline, int table) {
    for (Stage s : values()) {
      if (s.logicalSwitch == logicalSwitch && s.pipeline == pipeline && s.table == table) {
        return java.util.Optional.of(s);
      }
    }
    return java.util.Optional.empty();
  }
}
