/* vCPU life cycle and host access to guest memory. */
#include "cpu/vcpu.h"

#include "cpu/vcpu_internal.h"

#include <stdlib.h>
#include <string.h>

#define ADDRESS_SPACE_END 0x100000000ull

const char *vcpu_strerror(enum vcpu_error error)
{
    switch (error) {
    case VCPU_OK:
        return "success";
    case VCPU_ERR_UNICORN:
        return "a Unicorn call failed";
    case VCPU_ERR_NO_MEMORY:
        return "out of memory";
    case VCPU_ERR_BAD_REGION:
        return "unaligned, overlapping or empty memory region";
    case VCPU_ERR_UNMAPPED:
        return "address outside the partition's memory regions";
    case VCPU_ERR_READ_ONLY:
        return "write into a region the partition cannot write";
    case VCPU_ERR_PROBE_FAILED:
        return "Unicorn's SPARC CPU state layout not recognised";
    case VCPU_ERR_BAD_STACK:
        return "a register window cannot go to or come from the partition's stack";
    case VCPU_ERR_INVALID_WINDOW:
        return "the register window to return to is not in the registers";
    case VCPU_ERR_DEBUG_FULL:
        return "no room for another breakpoint or watchpoint";
    }
    return "unknown vcpu error";
}

static uint64_t region_end(const struct vcpu_region *r)
{
    return (uint64_t)r->guest_address + r->size;
}

static bool overlaps(uint64_t a_start, uint64_t a_end, uint64_t b_start, uint64_t b_end)
{
    return a_start < b_end && b_start < a_end;
}

static enum vcpu_error check_regions(const struct vcpu_region *regions, uint32_t count)
{
    for (uint32_t i = 0; i < count; i++) {
        const struct vcpu_region *r = &regions[i];
        if (r->size == 0 || r->guest_address % VCPU_PAGE_SIZE || r->size % VCPU_PAGE_SIZE ||
            region_end(r) > ADDRESS_SPACE_END || (r->perms & ~7u) != 0) {
            return VCPU_ERR_BAD_REGION;
        }
        for (uint32_t j = 0; j < i; j++) {
            if (overlaps(r->guest_address, region_end(r), regions[j].guest_address,
                         region_end(&regions[j]))) {
                return VCPU_ERR_BAD_REGION;
            }
        }
    }
    return VCPU_OK;
}

static const struct vcpu_region *region_at(const struct vcpu *vcpu, uint64_t address)
{
    for (uint32_t i = 0; i < vcpu->region_count; i++) {
        const struct vcpu_region *r = &vcpu->regions[i];
        if (address >= r->guest_address && address < region_end(r)) {
            return r;
        }
    }
    return NULL;
}

bool vcpu_in_private(const struct vcpu *vcpu, uint32_t address)
{
    return address - vcpu->private_base < VCPU_PAGE_SIZE;
}

static enum vcpu_error setup(struct vcpu *vcpu, const struct vcpu_region *regions, uint32_t count)
{
    vcpu->regions = calloc(count ? count : 1, sizeof *regions);
    if (vcpu->regions == NULL || vcpu_cost_cache_init(&vcpu->costs) != VCPU_OK) {
        return VCPU_ERR_NO_MEMORY;
    }
    memcpy(vcpu->regions, regions, count * sizeof *regions);
    vcpu->region_count = count;
    enum vcpu_error error = vcpu_state_open(&vcpu->uc);
    if (error == VCPU_OK) {
        error = vcpu_mmu_build(vcpu);
    }
    if (error == VCPU_OK) {
        error = vcpu_install_hooks(vcpu);
    }
    /* Attach while the engine is still at power-on (CWP 0, nothing run). */
    if (error == VCPU_OK) {
        error = vcpu_state_attach(vcpu->uc, &vcpu->state);
    }
    if (error == VCPU_OK) {
        error = vcpu_state_attach(vcpu->uc, &vcpu->resume);
    }
    if (error == VCPU_OK) {
        error = vcpu_state_attach(vcpu->uc, &vcpu->saved);
    }
    return error == VCPU_OK ? vcpu_mmu_enable(vcpu) : error;
}

enum vcpu_error vcpu_create(struct vcpu **out, const struct vcpu_region *regions,
                            uint32_t region_count)
{
    *out = NULL;
    enum vcpu_error error = vcpu_state_init(NULL);
    if (error != VCPU_OK) {
        return error;
    }
    error = check_regions(regions, region_count);
    if (error != VCPU_OK) {
        return error;
    }
    struct vcpu *vcpu = calloc(1, sizeof *vcpu);
    if (vcpu == NULL) {
        return VCPU_ERR_NO_MEMORY;
    }
    error = setup(vcpu, regions, region_count);
    if (error != VCPU_OK) {
        vcpu_destroy(vcpu);
        return error;
    }
    *out = vcpu;
    return VCPU_OK;
}

void vcpu_destroy(struct vcpu *vcpu)
{
    if (vcpu == NULL) {
        return;
    }
    vcpu_state_detach(&vcpu->state);
    vcpu_state_detach(&vcpu->resume);
    vcpu_state_detach(&vcpu->saved);
    if (vcpu->uc != NULL) {
        uc_close(vcpu->uc);
    }
    vcpu_mmu_release(vcpu);
    vcpu_cost_cache_free(&vcpu->costs);
    vcpu_debug_free(vcpu);
    free(vcpu->regions);
    free(vcpu);
}

/* perm: VCPU_PERM_* the guest needs; 0: any (a region with no
 * permission is not the guest's at all); ANY_REGION: the hypervisor's
 * access, which any region allows. */
#define ANY_REGION 8u

static bool region_allows(const struct vcpu_region *r, uint32_t perm)
{
    if (r == NULL) {
        return false;
    }
    return perm == ANY_REGION || (perm == 0 ? r->perms != 0 : (r->perms & perm) == perm);
}

static bool regions_allow(const struct vcpu *vcpu, uint32_t address, uint32_t length, uint32_t perm,
                          uint32_t *fault)
{
    uint64_t at = address, end = (uint64_t)address + length;
    while (at < end) {
        const struct vcpu_region *r = region_at(vcpu, at);
        if (!region_allows(r, perm)) {
            *fault = (uint32_t)at;
            return false;
        }
        at = region_end(r);
    }
    return true;
}

bool vcpu_guest_access_ok(const struct vcpu *vcpu, uint32_t address, uint32_t length, uint32_t perm,
                          uint32_t *fault)
{
    if (vcpu->map_l1 == 0) {
        return regions_allow(vcpu, address, length, perm, fault);
    }
    return vcpu_map_allows(vcpu, address, length, perm, fault);
}

bool vcpu_access_ok(const struct vcpu *vcpu, uint32_t address, uint32_t length, uint32_t perms)
{
    uint32_t fault;
    return (uint64_t)address + length <= ADDRESS_SPACE_END &&
           vcpu_guest_access_ok(vcpu, address, length, perms, &fault);
}

enum vcpu_error vcpu_read_mem(struct vcpu *vcpu, uint32_t address, void *buffer, uint32_t length)
{
    if (!vcpu_access_ok(vcpu, address, length, 0)) {
        return VCPU_ERR_UNMAPPED;
    }
    return vcpu_guest_rw(vcpu, address, buffer, length, false);
}

/* The hypervisor's access by engine address: any region, whatever its
 * rights and the current map. */
static enum vcpu_error phys_access(struct vcpu *vcpu, uint32_t address, void *buffer,
                                   uint32_t length, bool write)
{
    uint32_t fault;
    if ((uint64_t)address + length > ADDRESS_SPACE_END ||
        !regions_allow(vcpu, address, length, ANY_REGION, &fault)) {
        return VCPU_ERR_UNMAPPED;
    }
    if (length == 0) {
        return VCPU_OK;
    }
    uc_err err = write ? uc_mem_write(vcpu->uc, address, buffer, length)
                       : uc_mem_read(vcpu->uc, address, buffer, length);
    return err == UC_ERR_OK ? VCPU_OK : VCPU_ERR_UNICORN;
}

enum vcpu_error vcpu_read_phys(struct vcpu *vcpu, uint32_t address, void *buffer, uint32_t length)
{
    return phys_access(vcpu, address, buffer, length, false);
}

/* No translated code is dropped (the loader, vcpu_write_mem, drops it
 * itself): the hypervisor writes page-table pages here, which a partition
 * that maps them executable would see as the board's instruction cache
 * would, stale until it flushes. */
enum vcpu_error vcpu_write_phys(struct vcpu *vcpu, uint32_t address, const void *buffer,
                                uint32_t length)
{
    return phys_access(vcpu, address, (void *)buffer, length, true);
}

/* Host writes into executable memory (an image being loaded) drop the
 * engine's translations and the cached block costs of that range. Unicorn
 * translates only the start of a range it invalidates, so each region is
 * done separately (its pages are contiguous host memory), and only regions
 * the guest may execute (the engine's MMU would refuse the others). */
static enum vcpu_error forget_code(struct vcpu *vcpu, uint32_t address, uint32_t length)
{
    uint64_t end = (uint64_t)address + length;
    for (uint32_t i = 0; i < vcpu->region_count; i++) {
        const struct vcpu_region *r = &vcpu->regions[i];
        if (!(r->perms & VCPU_PERM_EXEC) ||
            !overlaps(address, end, r->guest_address, region_end(r))) {
            continue;
        }
        uint64_t from = address > r->guest_address ? address : r->guest_address;
        uint64_t to = end < region_end(r) ? end : region_end(r);
        if (vcpu_cost_cache_forget(&vcpu->costs, from, to) != VCPU_OK) {
            return VCPU_ERR_NO_MEMORY;
        }
        if (uc_ctl_remove_cache(vcpu->uc, from, to) != UC_ERR_OK) {
            return VCPU_ERR_UNICORN;
        }
    }
    return VCPU_OK;
}

enum vcpu_error vcpu_write_mem(struct vcpu *vcpu, uint32_t address, const void *buffer,
                               uint32_t length, bool respect_perms)
{
    uint32_t fault;
    if (length == 0) {
        return VCPU_OK;
    }
    if (!respect_perms) { /* the loader: by engine address, as the regions say */
        enum vcpu_error error = vcpu_write_phys(vcpu, address, buffer, length);
        return error == VCPU_OK ? forget_code(vcpu, address, length) : error;
    }
    if ((uint64_t)address + length > ADDRESS_SPACE_END ||
        !vcpu_guest_access_ok(vcpu, address, length, 0, &fault)) {
        return VCPU_ERR_UNMAPPED;
    }
    if (!vcpu_guest_access_ok(vcpu, address, length, VCPU_PERM_WRITE, &fault)) {
        return VCPU_ERR_READ_ONLY;
    }
    enum vcpu_error error = vcpu_guest_rw(vcpu, address, (void *)buffer, length, true);
    return error == VCPU_OK ? forget_code(vcpu, address, length) : error;
}

enum vcpu_error vcpu_self_test(const char **message)
{
    return vcpu_state_self_test(message);
}
