package cn.hlj.remoteeval.tender.internal;

import org.springframework.data.repository.ListCrudRepository;

interface TenderRepository extends ListCrudRepository<Tender, String> {

    boolean existsBySectionCode(String sectionCode);
}
