"""Funded projects as referral destinations, and the young people referred to them (issue 7, link 4).

The referrals service lists the active funded projects serving a district so a coordinator can refer a young
person to one; when the project accepts the referral, the referrals service tells this service, which counts
one more person receiving a service into the funding grant's monitoring figures — once per referral."""
